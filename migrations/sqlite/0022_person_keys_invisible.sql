-- A person's key (0004, 0008, 0018) is now made without the characters that show as nothing
-- (src/domain/spelling.ts: a zero-width space, direction marks, a soft hyphen, …), which a name
-- copied from a chat app brings with it: "王<zero-width space>芳" is 王芳, whose earlier complaints
-- are then found. Only a name or contact holding one can change; they are found by their code
-- points, as the file itself should show none.
UPDATE complaints
   SET customer_key = person_key(customer, 'customer'), contact_key = person_key(contact, 'contact')
 WHERE customer GLOB '*[' || char(173, 8203, 8204, 8206, 8207, 8234, 8235, 8236, 8237, 8238, 8288, 8289, 8290, 8291, 8292, 8294, 8295, 8296, 8297, 65279) || ']*'
    OR contact GLOB '*[' || char(173, 8203, 8204, 8206, 8207, 8234, 8235, 8236, 8237, 8238, 8288, 8289, 8290, 8291, 8292, 8294, 8295, 8296, 8297, 65279) || ']*';
