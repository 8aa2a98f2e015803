-- A person's key (0004, 0008) is now made without the spaces beside a Chinese character
-- (src/domain/spelling.ts): "王 芳" is "王芳", as Chinese puts no spaces between words and whether
-- one was typed is chance. Only a key with a space can change; the contact key has none.
UPDATE complaints
   SET customer_key = person_key(customer, 'customer')
 WHERE customer_key LIKE '% %';
