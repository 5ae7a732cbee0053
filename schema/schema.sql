CREATE INDEX ix_claim_analysis_article ON claim_analysis (article_id);
CREATE INDEX ix_claim_article_start ON claim (article_id, start);
CREATE INDEX ix_claim_match_article ON claim_match (article_id);
CREATE INDEX ix_event_article ON event (article_id);
CREATE INDEX ix_event_claim ON event (claim_id);
CREATE INDEX ix_source_claim ON source (claim_id);
CREATE INDEX ix_verdict_reviewer ON verdict (reviewer_id, status);
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE article (
	id TEXT NOT NULL,
	title TEXT NOT NULL,
	outlet TEXT,
	author TEXT,
	url TEXT,
	published TEXT,
	retrieved TEXT NOT NULL,
	filename TEXT,
	encoding TEXT,
	text TEXT NOT NULL,
	retired INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE article_analysis (
	article_id TEXT NOT NULL,
	version INTEGER NOT NULL,
	tokens BLOB NOT NULL,
	PRIMARY KEY (article_id)
);
CREATE TABLE claim (
	id TEXT NOT NULL,
	article_id TEXT NOT NULL,
	start INTEGER NOT NULL,
	"end" INTEGER NOT NULL,
	text TEXT NOT NULL,
	kind TEXT NOT NULL,
	role TEXT NOT NULL,
	origin TEXT NOT NULL,
	retired INTEGER NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_claim_span UNIQUE (article_id, start, "end"),
	FOREIGN KEY(article_id) REFERENCES article (id)
);
CREATE TABLE claim_analysis (
	"key" INTEGER NOT NULL,
	claim_id TEXT NOT NULL,
	article_id TEXT NOT NULL,
	suggestion TEXT NOT NULL,
	score REAL NOT NULL,
	reasons TEXT NOT NULL,
	numbers TEXT NOT NULL,
	PRIMARY KEY ("key"),
	UNIQUE (claim_id)
);
CREATE VIRTUAL TABLE claim_fts USING fts5(statement, notes, excerpts, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE claim_match (
	claim_id TEXT NOT NULL,
	other_claim_id TEXT NOT NULL,
	article_id TEXT NOT NULL,
	other_article_id TEXT NOT NULL,
	similarity REAL NOT NULL,
	linked INTEGER NOT NULL,
	PRIMARY KEY (claim_id, other_claim_id)
);
CREATE TABLE consensus (
	claim_id TEXT NOT NULL,
	status TEXT NOT NULL,
	reason TEXT,
	note TEXT,
	event_id TEXT NOT NULL,
	hlc TEXT NOT NULL,
	author TEXT NOT NULL,
	PRIMARY KEY (claim_id),
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
CREATE TABLE dismissal (
	claim_id TEXT NOT NULL,
	reviewer_id TEXT NOT NULL,
	dismissed INTEGER NOT NULL,
	hlc TEXT NOT NULL,
	author TEXT NOT NULL,
	event_id TEXT NOT NULL,
	PRIMARY KEY (claim_id, reviewer_id),
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
CREATE TABLE event (
	seq INTEGER NOT NULL,
	id TEXT NOT NULL,
	kind TEXT NOT NULL,
	author TEXT NOT NULL,
	hlc TEXT NOT NULL,
	article_id TEXT,
	claim_id TEXT,
	payload TEXT NOT NULL,
	signature TEXT,
	PRIMARY KEY (seq),
	UNIQUE (id)
);
CREATE TABLE match_frequency (
	token INTEGER NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (token)
);
CREATE TABLE match_posting (
	token INTEGER NOT NULL,
	claim INTEGER NOT NULL,
	PRIMARY KEY (token, claim)
)
 WITHOUT ROWID;
CREATE TABLE reviewer (
	id TEXT NOT NULL,
	name TEXT NOT NULL,
	joined_hlc TEXT NOT NULL, public_key TEXT,
	PRIMARY KEY (id)
);
CREATE TABLE reviewer_key (
	reviewer_id TEXT NOT NULL,
	from_hlc TEXT NOT NULL,
	public_key TEXT NOT NULL,
	PRIMARY KEY (reviewer_id, from_hlc)
);
CREATE TABLE setting (
	"key" TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY ("key")
);
CREATE TABLE source (
	id TEXT NOT NULL,
	claim_id TEXT NOT NULL,
	kind TEXT NOT NULL,
	url TEXT,
	file TEXT,
	title TEXT,
	publisher TEXT,
	excerpt TEXT,
	stance TEXT NOT NULL,
	accessed TEXT,
	archived_url TEXT,
	retired INTEGER NOT NULL,
	author TEXT NOT NULL,
	hlc TEXT NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
CREATE TABLE verdict (
	claim_id TEXT NOT NULL,
	reviewer_id TEXT NOT NULL,
	status TEXT NOT NULL,
	reason TEXT,
	note TEXT,
	event_id TEXT NOT NULL,
	hlc TEXT NOT NULL,
	author TEXT NOT NULL,
	PRIMARY KEY (claim_id, reviewer_id),
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
         DELETE FROM claim_fts WHERE rowid = old.rowid;
       END;
CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
         INSERT INTO claim_fts (rowid, statement, notes, excerpts)
         VALUES (new.rowid, new.text, '', '');
       END;
CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
         UPDATE claim_fts SET excerpts = (SELECT coalesce(group_concat(
                 coalesce(title, '') || ' ' || coalesce(excerpt, ''), ' '), '')
             FROM source WHERE claim_id = new.claim_id AND retired = 0)
         WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
       END;
CREATE TRIGGER source_fts_update AFTER UPDATE ON source BEGIN
         UPDATE claim_fts SET excerpts = (SELECT coalesce(group_concat(
                 coalesce(title, '') || ' ' || coalesce(excerpt, ''), ' '), '')
             FROM source WHERE claim_id = new.claim_id AND retired = 0)
         WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
       END;
CREATE TRIGGER verdict_fts_insert AFTER INSERT ON verdict WHEN new.note IS NOT NULL BEGIN
    UPDATE claim_fts SET notes = (SELECT coalesce(group_concat(note, ' '), '')
        FROM verdict WHERE claim_id = new.claim_id)
    WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
 END;
CREATE TRIGGER verdict_fts_update AFTER UPDATE OF note ON verdict WHEN new.note IS NOT old.note BEGIN
    UPDATE claim_fts SET notes = (SELECT coalesce(group_concat(note, ' '), '')
        FROM verdict WHERE claim_id = new.claim_id)
    WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
 END;
