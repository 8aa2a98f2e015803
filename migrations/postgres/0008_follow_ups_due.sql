-- As migrations/sqlite/0016: the resolved complaints not yet followed up, in the order the desk and
-- `follow-up` list them, with what their count asks of each.
CREATE INDEX complaints_follow_ups_due ON complaints (resolved_at, id) INCLUDE (customer, contact) WHERE status = 'resolved';
