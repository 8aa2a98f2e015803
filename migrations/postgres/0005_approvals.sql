-- As migrations/sqlite/0013: a remedy proposed above the shop's approval limit, waiting on the
-- complaint until it is approved or sent back.
ALTER TABLE complaints ADD COLUMN proposed_remedy text COLLATE "C";
ALTER TABLE complaints ADD COLUMN proposed_cost_minor bigint CHECK (proposed_cost_minor >= 0);

CREATE INDEX complaints_awaiting_approval ON complaints (occurred_at) WHERE proposed_remedy IS NOT NULL;

-- A till's role resolves complaints, which may now propose a remedy (migrations/postgres/0004).
SELECT grant_to_tills('UPDATE (proposed_remedy, proposed_cost_minor) ON complaints');
