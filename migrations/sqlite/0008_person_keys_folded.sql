-- Person keys (0004) are made by spellingKey, which now also reads the full-width letters and
-- digits of Chinese and Japanese input methods as plain ones, ignores emoji variation selectors
-- and folds ß into ss (src/domain/spelling.ts). The keys of earlier complaints are made again the
-- same way, so a customer whose name or number was once typed full-width is still recognised.
UPDATE complaints
   SET customer_key = person_key(customer, 'customer'), contact_key = person_key(contact, 'contact')
 WHERE customer IS NOT NULL OR contact IS NOT NULL;
