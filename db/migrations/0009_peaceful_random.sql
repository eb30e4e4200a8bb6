CREATE TABLE `access_grant_cases` (
	`grant_id` text NOT NULL,
	`case_number` text NOT NULL,
	PRIMARY KEY(`grant_id`, `case_number`)
);
--> statement-breakpoint
CREATE INDEX `access_grant_cases_case_idx` ON `access_grant_cases` (`case_number`);--> statement-breakpoint
CREATE TABLE `access_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`grantee_username` text NOT NULL,
	`grantee_name` text NOT NULL,
	`purpose` text NOT NULL,
	`reason` text NOT NULL,
	`approved_by` text NOT NULL,
	`approved_by_name` text NOT NULL,
	`approved_at` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`status` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE INDEX `access_grants_grantee_idx` ON `access_grants` (`grantee_username`,`valid_until`);--> statement-breakpoint
CREATE INDEX `access_grants_approved_idx` ON `access_grants` (`approved_at`);--> statement-breakpoint
CREATE TABLE `paper_loans` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`borrower_name` text NOT NULL,
	`borrower_unit` text NOT NULL,
	`purpose` text NOT NULL,
	`approver_name` text NOT NULL,
	`lent_at` text NOT NULL,
	`lent_by` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`returned_at` text
);
--> statement-breakpoint
CREATE INDEX `paper_loans_case_idx` ON `paper_loans` (`case_number`,`status`);--> statement-breakpoint
CREATE INDEX `paper_loans_status_due_idx` ON `paper_loans` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `paper_loans_lent_at_idx` ON `paper_loans` (`lent_at`);--> statement-breakpoint
CREATE TABLE `sealed_documents` (
	`seal_id` text NOT NULL,
	`doc_id` text NOT NULL,
	`rev` text NOT NULL,
	`stage` integer NOT NULL,
	`case_number` text NOT NULL,
	`seal_status` text NOT NULL,
	PRIMARY KEY(`seal_id`, `doc_id`, `rev`)
);
--> statement-breakpoint
CREATE INDEX `sealed_documents_doc_idx` ON `sealed_documents` (`doc_id`,`seal_status`);--> statement-breakpoint
CREATE TABLE `seals` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`case_numbers` text NOT NULL,
	`reason` text NOT NULL,
	`sealed_at` text NOT NULL,
	`stage_count` integer NOT NULL,
	`item_count` integer NOT NULL,
	`status` text NOT NULL,
	`unseal_approved_at` text,
	`unsealed_at` text
);
--> statement-breakpoint
CREATE INDEX `seals_sealed_at_idx` ON `seals` (`sealed_at`);--> statement-breakpoint
CREATE INDEX `seals_patient_idx` ON `seals` (`patient_id`);