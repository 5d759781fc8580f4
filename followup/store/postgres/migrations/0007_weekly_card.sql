-- Whether the user wants the weekly card (everyone does until they say /digest off).

ALTER TABLE users
    ADD COLUMN digest boolean NOT NULL DEFAULT true;
