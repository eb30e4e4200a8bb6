CREATE TABLE `attachments` (
	`digest` text PRIMARY KEY NOT NULL,
	`data` blob NOT NULL,
	`length` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `changes_doc_id_idx` ON `changes` (`doc_id`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text,
	`winning_rev` text NOT NULL,
	`deleted` integer NOT NULL,
	`rev_tree` text NOT NULL,
	`conflict_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `documents_deleted_idx` ON `documents` (`id`) WHERE "documents"."deleted" = 1;--> statement-breakpoint
CREATE INDEX `documents_conflicted_idx` ON `documents` (`id`) WHERE "documents"."conflict_count" > 0;--> statement-breakpoint
CREATE TABLE `local_docs` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` text NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`revision_id` integer PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`rev` text NOT NULL,
	`pos` integer NOT NULL,
	`deleted` integer NOT NULL,
	`body` text NOT NULL,
	`stored_at` integer NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_doc_rev_idx` ON `revisions` (`doc_id`,`rev`);--> statement-breakpoint
CREATE TABLE `clinic_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_code` text NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`division_code` text,
	`patient_id_key` text NOT NULL,
	`fee_categories` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_code` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`outpatient` integer NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `departments_code_idx` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_code` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`roles` text NOT NULL,
	`department_codes` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `users_username_idx` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `patient_cards` (
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`patient_id` text NOT NULL,
	PRIMARY KEY(`kind`, `number`, `patient_id`)
);
--> statement-breakpoint
CREATE INDEX `patient_cards_patient_idx` ON `patient_cards` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_code` text NOT NULL,
	`name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`ethnicity` text,
	`id_type` text,
	`id_number` text,
	`phone` text,
	`division_code` text,
	`address_detail` text,
	`fee_category` text,
	`insurance_number` text,
	`merged_into` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `patients_id_number_idx` ON `patients` (`id_number`) WHERE "patients"."id_number" is not null;--> statement-breakpoint
CREATE INDEX `patients_phone_idx` ON `patients` (`phone`) WHERE "patients"."phone" is not null;--> statement-breakpoint
CREATE INDEX `patients_insurance_number_idx` ON `patients` (`insurance_number`) WHERE "patients"."insurance_number" is not null;--> statement-breakpoint
CREATE INDEX `patients_name_idx` ON `patients` (`name`,`birth_date`);--> statement-breakpoint
CREATE INDEX `patients_merged_into_idx` ON `patients` (`merged_into`) WHERE "patients"."merged_into" is not null;--> statement-breakpoint
CREATE TABLE `encounters` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_code` text NOT NULL,
	`patient_id` text NOT NULL,
	`department_code` text NOT NULL,
	`doctor_username` text,
	`visit_type` text NOT NULL,
	`fee_category` text NOT NULL,
	`visit_number` text NOT NULL,
	`visit_date` text NOT NULL,
	`registered_at` text NOT NULL,
	`status` text NOT NULL,
	`cancel_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `encounters_patient_idx` ON `encounters` (`patient_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `encounters_date_department_idx` ON `encounters` (`visit_date`,`department_code`);--> statement-breakpoint
CREATE INDEX `encounters_visit_number_idx` ON `encounters` (`visit_number`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_code` text NOT NULL,
	`workstation` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`outcome` text NOT NULL,
	`target_ids` text NOT NULL,
	`detail` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_chain_idx` ON `audit_events` (`workstation`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor`,`at`);--> statement-breakpoint
CREATE TABLE `rejected_projections` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`rev` text NOT NULL,
	`type` text NOT NULL,
	`reason` text NOT NULL
);
