-- What kind of complaint each one is (src/domain/nature.ts): valid, help, question, venting or
-- unfounded; empty until it is judged. Until now a complaint was upheld or rejected: the upheld
-- ones that were triaged (they have a cause) are valid, the rejected ones unfounded. Those
-- assigned or resolved straight from new were never judged, and stay so. A help, question or
-- venting complaint may be resolved by an answer instead of a remedy.
ALTER TABLE complaints ADD COLUMN nature TEXT CHECK (nature IN ('valid', 'help', 'question', 'venting', 'unfounded'));
ALTER TABLE complaints ADD COLUMN answer TEXT;

UPDATE complaints SET nature = 'unfounded' WHERE status = 'rejected';
UPDATE complaints SET nature = 'valid' WHERE status <> 'rejected' AND cause IS NOT NULL;

-- A report counts the period's help, questions and venting apart, and the complaints not judged
-- yet under its table: each from the few complaints it concerns, not the period's every row.
CREATE INDEX complaints_communicative ON complaints (occurred_at, nature) WHERE nature IN ('help', 'question', 'venting');
CREATE INDEX complaints_unjudged ON complaints (occurred_at) WHERE nature IS NULL;
