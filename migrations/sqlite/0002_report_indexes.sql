-- The weekly report lists the corrective actions recorded (resolved) within its period; only
-- complaints with an action are indexed, so the index stays small and `resolve` stays cheap.
CREATE INDEX complaints_with_action_by_resolved ON complaints (resolved_at) WHERE action IS NOT NULL;
