-- The language each user is spoken to in (everyone from before speaks English), and the language
-- of the emails drafted for an interview when it differs from the chat's (NULL: the chat's).

ALTER TABLE users
    ADD COLUMN language text NOT NULL DEFAULT 'en';

ALTER TABLE interviews
    ADD COLUMN draft_language text;
