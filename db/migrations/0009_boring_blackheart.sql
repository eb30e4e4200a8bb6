CREATE TABLE `copy_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`case_numbers` text NOT NULL,
	`applicant_kind` text NOT NULL,
	`applicant_name` text NOT NULL,
	`purpose` text NOT NULL,
	`status` text NOT NULL,
	`requested_at` text NOT NULL,
	`requested_by` text NOT NULL,
	`disclosure_id` text
);
--> statement-breakpoint
CREATE INDEX `copy_requests_status_idx` ON `copy_requests` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `copy_requests_patient_idx` ON `copy_requests` (`patient_id`);--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`copy_request_id` text NOT NULL,
	`case_numbers` text NOT NULL,
	`applicant_kind` text NOT NULL,
	`applicant_name` text NOT NULL,
	`purpose` text NOT NULL,
	`pages` integer NOT NULL,
	`printed_at` text NOT NULL,
	`printed_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `disclosures_printed_idx` ON `disclosures` (`printed_at`);--> statement-breakpoint
CREATE INDEX `disclosures_patient_idx` ON `disclosures` (`patient_id`);