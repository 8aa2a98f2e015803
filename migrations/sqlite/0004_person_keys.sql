-- Who complained, in the form two spellings of one person share (src/domain/person.ts): a
-- returning customer is recognised, and a person found to be forgotten, whatever the case of
-- their name in any script and however their phone number is punctuated. SQLite's NOCASE folds
-- ASCII letters only ("ZOË" and "zoë" differed). The store writes the keys with every name and
-- contact; here they are filled by person_key(), the same function lent to SQLite by the
-- connection that migrates (src/store/open.ts).
ALTER TABLE complaints ADD COLUMN customer_key TEXT;
ALTER TABLE complaints ADD COLUMN contact_key TEXT;
UPDATE complaints
   SET customer_key = person_key(customer, 'customer'), contact_key = person_key(contact, 'contact')
 WHERE customer IS NOT NULL OR contact IS NOT NULL;

DROP INDEX complaints_by_customer;
CREATE INDEX complaints_by_customer ON complaints (customer_key) WHERE customer_key IS NOT NULL;
CREATE INDEX complaints_by_contact ON complaints (contact_key) WHERE contact_key IS NOT NULL;
