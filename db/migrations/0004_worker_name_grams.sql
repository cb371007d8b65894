-- issue 8: a name search looks one 1- or 2-character piece up in `worker_name_grams` (db/schema/search.ts)
-- and checks the few candidates with LIKE, instead of reading every name. The pieces are ASCII
-- lower-cased, as LIKE compares, and kept exact by the triggers below in the transaction of every change.
CREATE TABLE `name_gram_positions` (
	`k` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `worker_name_grams` (
	`gram` text NOT NULL,
	`worker_id` integer NOT NULL,
	PRIMARY KEY(`gram`, `worker_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- A trigger body cannot hold a CTE: the positions are a table. Names are at most 30 characters (workerCreate).
INSERT INTO name_gram_positions (k)
  WITH RECURSIVE p(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM p WHERE k < 64) SELECT k FROM p;
--> statement-breakpoint
INSERT INTO worker_name_grams (gram, worker_id)
  SELECT lower(substr(w.name, p.k, 1)), w.id FROM workers w JOIN name_gram_positions p ON p.k <= length(w.name)
  UNION
  SELECT lower(substr(w.name, p.k, 2)), w.id FROM workers w JOIN name_gram_positions p ON p.k < length(w.name)
  ORDER BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER worker_name_grams_insert AFTER INSERT ON workers
BEGIN
  INSERT OR IGNORE INTO worker_name_grams (gram, worker_id)
    SELECT lower(substr(new.name, k, 1)), new.id FROM name_gram_positions WHERE k <= length(new.name);
  INSERT OR IGNORE INTO worker_name_grams (gram, worker_id)
    SELECT lower(substr(new.name, k, 2)), new.id FROM name_gram_positions WHERE k < length(new.name);
END;
--> statement-breakpoint
-- The old pieces are deleted by key (gram, worker_id): no second index on worker_id.
CREATE TRIGGER worker_name_grams_update AFTER UPDATE OF id, name ON workers
  WHEN old.id IS NOT new.id OR old.name IS NOT new.name
BEGIN
  DELETE FROM worker_name_grams WHERE worker_id = old.id AND gram IN (
    SELECT lower(substr(old.name, k, 1)) FROM name_gram_positions WHERE k <= length(old.name)
    UNION ALL SELECT lower(substr(old.name, k, 2)) FROM name_gram_positions WHERE k < length(old.name));
  INSERT OR IGNORE INTO worker_name_grams (gram, worker_id)
    SELECT lower(substr(new.name, k, 1)), new.id FROM name_gram_positions WHERE k <= length(new.name);
  INSERT OR IGNORE INTO worker_name_grams (gram, worker_id)
    SELECT lower(substr(new.name, k, 2)), new.id FROM name_gram_positions WHERE k < length(new.name);
END;
--> statement-breakpoint
CREATE TRIGGER worker_name_grams_delete AFTER DELETE ON workers
BEGIN
  DELETE FROM worker_name_grams WHERE worker_id = old.id AND gram IN (
    SELECT lower(substr(old.name, k, 1)) FROM name_gram_positions WHERE k <= length(old.name)
    UNION ALL SELECT lower(substr(old.name, k, 2)) FROM name_gram_positions WHERE k < length(old.name));
END;
