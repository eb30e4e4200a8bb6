CREATE TABLE `awaiting_upgrade` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`rev` text NOT NULL,
	`type` text NOT NULL,
	`version` integer NOT NULL
);
