-- A person's key is now made as a Chinese-speaking owner writes names and numbers (as
-- migrations/sqlite/0018; the rules are src/domain/spelling.ts's and src/domain/person.ts's, in
-- SQL). Keys are tidied already: a single space between words, none in a contact.

-- Without the spaces beside a Chinese character ("王 芳" is "王芳"), the Han ranges spelling.ts names.
UPDATE complaints
   SET customer_key = regexp_replace(
         customer_key,
         '(?<=[\u2E80-\u2FDF\u3005-\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF]) | (?=[\u2E80-\u2FDF\u3005-\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF])',
         '', 'g')
 WHERE customer_key LIKE '% %';

-- A number in China without the country's code: a mobile (eleven digits from 1) or a number
-- given with its 0 as it is; a landline's area code takes back the 0 the code drops
-- ("+861065529988" is "01065529988").
UPDATE complaints
   SET contact_key = CASE
         WHEN contact_key ~ '^(\+|00)86(1[0-9]{10}|0[0-9]*)$' THEN regexp_replace(contact_key, '^(\+|00)86', '')
         ELSE regexp_replace(contact_key, '^(\+|00)86', '0')
       END
 WHERE contact_key ~ '^(\+|00)86[0-9]{7,12}$';
