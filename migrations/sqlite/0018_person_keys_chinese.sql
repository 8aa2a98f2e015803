-- A person's key (0004, 0008) is now made as a Chinese-speaking owner writes names and numbers
-- (src/domain/spelling.ts, src/domain/person.ts): without the spaces beside a Chinese character
-- ("王 芳" is "王芳"), as Chinese puts no spaces between words and whether one was typed is chance;
-- and a number in China without the country's code ("+86 138 0013 8000" is "13800138000").
-- Only a name with a space, or a contact beginning with the code, can change.
UPDATE complaints
   SET customer_key = person_key(customer, 'customer'), contact_key = person_key(contact, 'contact')
 WHERE customer_key LIKE '% %' OR contact_key LIKE '+86%' OR contact_key LIKE '0086%';
