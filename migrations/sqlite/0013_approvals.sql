-- A remedy costing more than the shop's approval limit ('config set approval-above') is proposed
-- and waits on the complaint for someone in charge: 'complaints approve' gives it (then it is a
-- row of remedies, as any remedy given) or sends it back. The desk and the report find the few
-- waiting from their own index.
ALTER TABLE complaints ADD COLUMN proposed_remedy TEXT;
ALTER TABLE complaints ADD COLUMN proposed_cost_minor INTEGER CHECK (proposed_cost_minor >= 0);

CREATE INDEX complaints_awaiting_approval ON complaints (occurred_at) WHERE proposed_remedy IS NOT NULL;
