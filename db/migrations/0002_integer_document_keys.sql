-- Store tables keyed by an integer document key (documents.doc_key) instead of the document id:
-- indexes on random ids made every 1,000-document commit dirty pages all over the file.
-- Written by hand (drizzle-kit cannot map doc_id to doc_key); the snapshot is drizzle-kit's.
-- Runs inside the migrator's transaction with foreign keys on: old tables are renamed out of
-- the way first (their references follow them), new ones filled from them, then dropped.
DROP INDEX `revisions_doc_rev_idx`;--> statement-breakpoint
DROP INDEX `changes_doc_id_idx`;--> statement-breakpoint
DROP INDEX `documents_deleted_idx`;--> statement-breakpoint
DROP INDEX `documents_conflicted_idx`;--> statement-breakpoint
ALTER TABLE `documents` RENAME TO `__old_documents`;--> statement-breakpoint
ALTER TABLE `revisions` RENAME TO `__old_revisions`;--> statement-breakpoint
ALTER TABLE `changes` RENAME TO `__old_changes`;--> statement-breakpoint
CREATE TABLE `documents` (
	`doc_key` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`type` text,
	`winning_rev` text NOT NULL,
	`deleted` integer NOT NULL,
	`rev_tree` text NOT NULL,
	`conflict_count` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`revision_id` integer PRIMARY KEY NOT NULL,
	`doc_key` integer NOT NULL,
	`rev` text NOT NULL,
	`pos` integer NOT NULL,
	`deleted` integer NOT NULL,
	`body` text NOT NULL,
	`stored_at` integer NOT NULL,
	FOREIGN KEY (`doc_key`) REFERENCES `documents`(`doc_key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_key` integer NOT NULL,
	FOREIGN KEY (`doc_key`) REFERENCES `documents`(`doc_key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `documents` (`id`, `type`, `winning_rev`, `deleted`, `rev_tree`, `conflict_count`, `seq`)
	SELECT d.`id`, d.`type`, d.`winning_rev`, d.`deleted`, d.`rev_tree`, d.`conflict_count`, c.`seq`
	FROM `__old_documents` d JOIN `__old_changes` c ON c.`doc_id` = d.`id` ORDER BY c.`seq`;--> statement-breakpoint
INSERT INTO `revisions` (`revision_id`, `doc_key`, `rev`, `pos`, `deleted`, `body`, `stored_at`)
	SELECT r.`revision_id`, d.`doc_key`, r.`rev`, r.`pos`, r.`deleted`, r.`body`, r.`stored_at`
	FROM `__old_revisions` r JOIN `documents` d ON d.`id` = r.`doc_id` ORDER BY r.`revision_id`;--> statement-breakpoint
INSERT INTO `changes` (`seq`, `doc_key`) SELECT d.`seq`, d.`doc_key` FROM `documents` d ORDER BY d.`seq`;--> statement-breakpoint
-- Keep the sequence where it was, so no number handed out before is handed out again.
INSERT INTO `sqlite_sequence` (`name`, `seq`)
	SELECT 'changes', `seq` FROM `sqlite_sequence` WHERE `name` = '__old_changes'
	AND NOT EXISTS (SELECT 1 FROM `sqlite_sequence` WHERE `name` = 'changes');--> statement-breakpoint
UPDATE `sqlite_sequence` SET `seq` = max(`seq`, coalesce((SELECT `seq` FROM `sqlite_sequence` WHERE `name` = '__old_changes'), 0)) WHERE `name` = 'changes';--> statement-breakpoint
DROP TABLE `__old_changes`;--> statement-breakpoint
DROP TABLE `__old_revisions`;--> statement-breakpoint
DROP TABLE `__old_documents`;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_id_idx` ON `documents` (`id`);--> statement-breakpoint
CREATE INDEX `documents_deleted_idx` ON `documents` (`doc_key`) WHERE "documents"."deleted" = 1;--> statement-breakpoint
CREATE INDEX `documents_conflicted_idx` ON `documents` (`id`) WHERE "documents"."conflict_count" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_doc_rev_idx` ON `revisions` (`doc_key`,`rev`);
