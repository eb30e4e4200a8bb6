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
CREATE INDEX `seals_patient_idx` ON `seals` (`patient_id`);--> statement-breakpoint
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
CREATE INDEX `page_sets_encounter_idx` ON `page_sets` (`encounter_id`);--> statement-breakpoint
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
CREATE TABLE `case_seals` (
	`case_number` text PRIMARY KEY NOT NULL,
	`seal_id` text NOT NULL,
	`state` text NOT NULL,
	`sealed_at` text NOT NULL
);
--> statement-breakpoint
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
CREATE INDEX `qc_tasks_encounter_idx` ON `qc_tasks` (`encounter_id`);--> statement-breakpoint
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