CREATE TABLE `archive_cases` (
	`case_number` text PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`clinic_code` text NOT NULL,
	`patient_id` text NOT NULL,
	`encounter_id` text,
	`kind` text NOT NULL,
	`department_code` text NOT NULL,
	`doctor_username` text,
	`visit_date` text NOT NULL,
	`diagnosis_codes` text NOT NULL,
	`document_count` integer NOT NULL,
	`qc_grade` text NOT NULL,
	`qc_review_id` text,
	`archived_at` text NOT NULL,
	`archived_by` text NOT NULL,
	`workstation_id` text NOT NULL,
	`retention_until` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `archive_cases_patient_idx` ON `archive_cases` (`patient_id`);--> statement-breakpoint
CREATE INDEX `archive_cases_encounter_idx` ON `archive_cases` (`encounter_id`);--> statement-breakpoint
CREATE INDEX `archive_cases_archived_idx` ON `archive_cases` (`archived_at`);--> statement-breakpoint
CREATE INDEX `archive_cases_visit_date_idx` ON `archive_cases` (`visit_date`,`department_code`);--> statement-breakpoint
CREATE TABLE `case_seals` (
	`case_number` text PRIMARY KEY NOT NULL,
	`seal_id` text NOT NULL,
	`state` text NOT NULL,
	`sealed_at` text NOT NULL
);
