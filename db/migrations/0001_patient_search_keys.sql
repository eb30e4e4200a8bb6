CREATE TABLE `patient_search_keys` (
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`rank` integer NOT NULL,
	`patient_id` text NOT NULL,
	PRIMARY KEY(`kind`, `value`, `rank`, `patient_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `patient_search_keys_recent_idx` ON `patient_search_keys` (`kind`,`rank`,`value`);--> statement-breakpoint
CREATE INDEX `patient_search_keys_patient_idx` ON `patient_search_keys` (`patient_id`);