-- As migrations/sqlite/0012: what kind of complaint each one is, empty until it is judged; the
-- triaged upheld ones are valid, the rejected ones unfounded; and the answer a help, question or
-- venting complaint may be resolved by instead of a remedy.
ALTER TABLE complaints ADD COLUMN nature text COLLATE "C" CHECK (nature IN ('valid', 'help', 'question', 'venting', 'unfounded'));
ALTER TABLE complaints ADD COLUMN answer text COLLATE "C";

UPDATE complaints SET nature = CASE WHEN status = 'rejected' THEN 'unfounded' ELSE 'valid' END
 WHERE status = 'rejected' OR cause IS NOT NULL;

CREATE INDEX complaints_communicative ON complaints (occurred_at, nature) WHERE nature IN ('help', 'question', 'venting');
CREATE INDEX complaints_unjudged ON complaints (occurred_at) WHERE nature IS NULL;

-- A till's role (store/postgres/roles.ts) takes complaints through their steps: every role that
-- may change a complaint's status is given what a later version's steps need, here as each
-- migration adds it. The steps now judge the nature and record an answer.
CREATE FUNCTION grant_to_tills(privilege text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  grantee_name text;
BEGIN
  FOR grantee_name IN
    SELECT DISTINCT grantee FROM information_schema.column_privileges
     WHERE table_schema = current_schema() AND table_name = 'complaints' AND column_name = 'status'
       AND privilege_type = 'UPDATE' AND grantee <> current_user
  LOOP
    EXECUTE format('GRANT %s TO %I', privilege, grantee_name);
  END LOOP;
END $$;

SELECT grant_to_tills('UPDATE (nature, answer) ON complaints');
