-- A person's key is now made without the characters that show as nothing (as
-- migrations/sqlite/0022; the characters are src/domain/spelling.ts's INVISIBLE): taken out of
-- the keys, with the spaces around them tidied as a key's are (one between words, none at either
-- end, none beside a Chinese character).
UPDATE complaints
   SET customer_key = regexp_replace(
         btrim(regexp_replace(regexp_replace(customer_key, '[\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g'), ' {2,}', ' ', 'g')),
         '(?<=[\u2E80-\u2FDF\u3005-\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF]) | (?=[\u2E80-\u2FDF\u3005-\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF])',
         '', 'g')
 WHERE customer_key ~ '[\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]';

UPDATE complaints
   SET contact_key = regexp_replace(contact_key, '[\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g')
 WHERE contact_key ~ '[\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]';
