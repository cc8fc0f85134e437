-- The schema of a new SQLite database at the head revision: made by
-- `python -m spbgui.store.schema_file`; do not edit (see spbgui/store/schema_file.py).
-- revision 0015

CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE region (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	note TEXT NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_region PRIMARY KEY (id), 
	CONSTRAINT uq_region_name UNIQUE (name)
);

CREATE TABLE country (
	id INTEGER NOT NULL, 
	region_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	note TEXT NOT NULL, version INTEGER DEFAULT '1' NOT NULL, code VARCHAR(8), 
	CONSTRAINT pk_country PRIMARY KEY (id), 
	CONSTRAINT fk_country_region_id_region FOREIGN KEY(region_id) REFERENCES region (id) ON DELETE CASCADE, 
	CONSTRAINT uq_country_name UNIQUE (name)
);

CREATE INDEX ix_country_region_id ON country (region_id);

CREATE TABLE partner (
	id INTEGER NOT NULL, 
	country_id INTEGER NOT NULL, 
	name VARCHAR(300), 
	kind VARCHAR(20) NOT NULL, 
	position INTEGER NOT NULL, 
	note TEXT NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_partner PRIMARY KEY (id), 
	CONSTRAINT ck_partner_country_has_no_name CHECK ((kind = 'country') = (name IS NULL)), 
	CONSTRAINT ck_partner_kind CHECK (kind IN ('city', 'province', 'region', 'district', 'country')), 
	CONSTRAINT fk_partner_country_id_country FOREIGN KEY(country_id) REFERENCES country (id) ON DELETE CASCADE, 
	CONSTRAINT uq_partner_country_id UNIQUE (country_id, name)
);

CREATE INDEX ix_partner_country_id ON partner (country_id);

CREATE TABLE agreement (
	id INTEGER NOT NULL, 
	partner_id INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	note TEXT NOT NULL, 
	position INTEGER NOT NULL, version INTEGER DEFAULT '1' NOT NULL, term_start VARCHAR(10), term_end VARCHAR(10), status VARCHAR(20), 
	CONSTRAINT pk_agreement PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id) ON DELETE CASCADE
);

CREATE INDEX ix_agreement_partner_id ON agreement (partner_id);

CREATE TABLE agreement_date (
	id INTEGER NOT NULL, 
	agreement_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	month INTEGER, 
	day INTEGER, 
	CONSTRAINT pk_agreement_date PRIMARY KEY (id), 
	CONSTRAINT ck_agreement_date_day CHECK (day IS NULL OR (month IS NOT NULL AND day BETWEEN 1 AND 31)), 
	CONSTRAINT ck_agreement_date_month CHECK (month IS NULL OR month BETWEEN 1 AND 12), 
	CONSTRAINT fk_agreement_date_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id) ON DELETE CASCADE
);

CREATE INDEX ix_agreement_date_agreement_id ON agreement_date (agreement_id);

CREATE TABLE event (
	id INTEGER NOT NULL, 
	partner_id INTEGER NOT NULL, 
	agreement_id INTEGER, 
	year INTEGER NOT NULL, 
	start VARCHAR(10), 
	"end" VARCHAR(10), 
	text TEXT NOT NULL, 
	position INTEGER NOT NULL, version INTEGER DEFAULT '1' NOT NULL, date_written TEXT, 
	CONSTRAINT pk_event PRIMARY KEY (id), 
	CONSTRAINT ck_event_both_ends CHECK ((start IS NULL) = ("end" IS NULL)), 
	CONSTRAINT ck_event_same_precision CHECK (start IS NULL OR length(start) = length("end")), 
	CONSTRAINT fk_event_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id) ON DELETE SET NULL, 
	CONSTRAINT fk_event_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id) ON DELETE CASCADE
);

CREATE INDEX ix_event_agreement_id ON event (agreement_id);

CREATE INDEX ix_event_partner_year ON event (partner_id, year);

CREATE TABLE table_year (
	year INTEGER NOT NULL, 
	CONSTRAINT pk_table_year PRIMARY KEY (year)
);

CREATE INDEX ix_event_year_partner ON event (year, partner_id);

CREATE TABLE change_log (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	who VARCHAR(200) NOT NULL, 
	table_name VARCHAR(40) NOT NULL, 
	record_id INTEGER, 
	action VARCHAR(10) NOT NULL, 
	"before" TEXT, 
	"after" TEXT, 
	detail TEXT, 
	CONSTRAINT pk_change_log PRIMARY KEY (id), 
	CONSTRAINT ck_change_log_action CHECK (action IN ('insert', 'update', 'delete', 'import'))
);

CREATE INDEX ix_change_log_record ON change_log (table_name, record_id);

CREATE INDEX ix_event_search_key ON event (id, year, partner_id);

CREATE VIRTUAL TABLE search_index USING fts5(body, scope, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');

CREATE TRIGGER search_region_insert AFTER INSERT ON region BEGIN INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 1, replace(replace(NEW.name || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_region_update AFTER UPDATE OF id, name, note ON region BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1; INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 1, replace(replace(NEW.name || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_region_delete AFTER DELETE ON region BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1; END;

CREATE TRIGGER search_country_insert AFTER INSERT ON country BEGIN INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 2, replace(replace(NEW.name || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_country_update AFTER UPDATE OF id, name, note ON country BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2; INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 2, replace(replace(NEW.name || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_country_delete AFTER DELETE ON country BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2; END;

CREATE TRIGGER search_partner_insert AFTER INSERT ON partner BEGIN INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 3, replace(replace(coalesce(NEW.name, '') || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_partner_update AFTER UPDATE OF id, name, note ON partner BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3; INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 3, replace(replace(coalesce(NEW.name, '') || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_partner_delete AFTER DELETE ON partner BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3; END;

CREATE TRIGGER search_agreement_insert AFTER INSERT ON agreement BEGIN INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 4, replace(replace(NEW.title || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_agreement_update AFTER UPDATE OF id, title, note ON agreement BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4; INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 4, replace(replace(NEW.title || ' ' || NEW.note, 'ё', 'е'), 'Ё', 'Е'), 'n'); END;

CREATE TRIGGER search_agreement_delete AFTER DELETE ON agreement BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4; END;

CREATE TRIGGER search_event_insert AFTER INSERT ON event BEGIN INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 5, replace(replace(NEW.text, 'ё', 'е'), 'Ё', 'Е'), 'y' || NEW.year); END;

CREATE TRIGGER search_event_update AFTER UPDATE OF id, text, year ON event BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5; INSERT INTO search_index (rowid, body, scope) VALUES (NEW.id * 8 + 5, replace(replace(NEW.text, 'ё', 'е'), 'Ё', 'Е'), 'y' || NEW.year); END;

CREATE TRIGGER search_event_delete AFTER DELETE ON event BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5; END;

CREATE TABLE id_floor (
	name VARCHAR(40) NOT NULL, 
	seq INTEGER NOT NULL, 
	CONSTRAINT pk_id_floor PRIMARY KEY (name)
);

CREATE TRIGGER id_floor_region AFTER DELETE ON region BEGIN INSERT INTO id_floor (name, seq) VALUES ('region', OLD.id) ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq); END;

CREATE TRIGGER id_floor_country AFTER DELETE ON country BEGIN INSERT INTO id_floor (name, seq) VALUES ('country', OLD.id) ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq); END;

CREATE TRIGGER id_floor_partner AFTER DELETE ON partner BEGIN INSERT INTO id_floor (name, seq) VALUES ('partner', OLD.id) ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq); END;

CREATE TRIGGER id_floor_agreement AFTER DELETE ON agreement BEGIN INSERT INTO id_floor (name, seq) VALUES ('agreement', OLD.id) ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq); END;

CREATE TRIGGER id_floor_agreement_date AFTER DELETE ON agreement_date BEGIN INSERT INTO id_floor (name, seq) VALUES ('agreement_date', OLD.id) ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq); END;

CREATE TRIGGER id_floor_event AFTER DELETE ON event BEGIN INSERT INTO id_floor (name, seq) VALUES ('event', OLD.id) ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq); END;

INSERT INTO "alembic_version" VALUES ('0015');
