CREATE TABLE `record_text` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`record_id` text NOT NULL,
	`patient_id` text,
	`machine_read` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `record_text_record_idx` ON `record_text` (`record_id`);--> statement-breakpoint
CREATE TABLE `page_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`encounter_id` text,
	`case_number` text,
	`title` text NOT NULL,
	`page_count` integer NOT NULL,
	`status` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `page_sets_patient_idx` ON `page_sets` (`patient_id`);--> statement-breakpoint
CREATE INDEX `page_sets_case_idx` ON `page_sets` (`case_number`);--> statement-breakpoint
CREATE INDEX `page_sets_encounter_idx` ON `page_sets` (`encounter_id`);