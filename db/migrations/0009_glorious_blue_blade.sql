CREATE TABLE `archive_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text
);
--> statement-breakpoint
CREATE INDEX `archive_changes_case_idx` ON `archive_changes` (`case_number`);--> statement-breakpoint
CREATE INDEX `archive_changes_status_idx` ON `archive_changes` (`status`);--> statement-breakpoint
CREATE TABLE `qc_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`encounter_id` text NOT NULL,
	`reviewer` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`pass` integer NOT NULL,
	`grade` text NOT NULL,
	`defect_codes` text NOT NULL,
	`send_back` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `qc_reviews_encounter_idx` ON `qc_reviews` (`encounter_id`,`reviewed_at`);--> statement-breakpoint
CREATE TABLE `qc_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`encounter_id` text NOT NULL,
	`note_id` text NOT NULL,
	`review_id` text NOT NULL,
	`doctor_username` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`answered_at` text
);
--> statement-breakpoint
CREATE INDEX `qc_tasks_doctor_idx` ON `qc_tasks` (`doctor_username`,`status`);--> statement-breakpoint
CREATE INDEX `qc_tasks_encounter_idx` ON `qc_tasks` (`encounter_id`);