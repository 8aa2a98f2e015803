-- A person's key (0022) is now made without a zero-width joiner but between two emoji, and without
-- the Mongolian vowel separator (src/domain/spelling.ts's INVISIBLE): "王<zero-width joiner>芳" is
-- 王芳, whose earlier complaints are then found. Only a name or contact holding one can change;
-- they are found by their code points, as the file itself should show none.
UPDATE complaints
   SET customer_key = person_key(customer, 'customer'), contact_key = person_key(contact, 'contact')
 WHERE customer GLOB '*[' || char(6158, 8205) || ']*'
    OR contact GLOB '*[' || char(6158, 8205) || ']*';
