-- A person's key is now made without the spaces beside a Chinese character (src/domain/spelling.ts,
-- whose ranges of Han characters these are): "王 芳" is "王芳", as Chinese puts no spaces between
-- words and whether one was typed is chance. Keys are tidied already, a single space between
-- words; the contact key has none.
UPDATE complaints
   SET customer_key = regexp_replace(
         customer_key,
         '(?<=[\u2E80-\u2FDF\u3005-\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF]) | (?=[\u2E80-\u2FDF\u3005-\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF])',
         '', 'g')
 WHERE customer_key LIKE '% %';
