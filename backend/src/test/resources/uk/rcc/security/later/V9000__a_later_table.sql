-- Stands for a migration written after the roles were set up: the table it adds must be usable by rcc_app at once.
CREATE TABLE later_table (id bigserial PRIMARY KEY, note text);
