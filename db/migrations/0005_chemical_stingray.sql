CREATE TABLE `note_diagnoses` (
	`note_id` text NOT NULL,
	`seq` integer NOT NULL,
	`code` text NOT NULL,
	`code_system` text NOT NULL,
	`version` text NOT NULL,
	`name` text NOT NULL,
	`position` text NOT NULL,
	`certainty` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `note_diagnoses_note_idx` ON `note_diagnoses` (`note_id`,`seq`);--> statement-breakpoint
CREATE INDEX `note_diagnoses_code_idx` ON `note_diagnoses` (`code`);--> statement-breakpoint
CREATE TABLE `note_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`owner_username` text,
	`department_code` text,
	`name` text NOT NULL,
	`retired` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `note_templates_owner_idx` ON `note_templates` (`owner_username`);--> statement-breakpoint
CREATE INDEX `note_templates_department_idx` ON `note_templates` (`department_code`);--> statement-breakpoint
CREATE TABLE `outpatient_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`department_code` text NOT NULL,
	`doctor_username` text NOT NULL,
	`visit_type` text NOT NULL,
	`visit_at` text NOT NULL,
	`onset_date` text,
	`chief_complaint` text NOT NULL,
	`status` text NOT NULL,
	`diagnosis_count` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outpatient_notes_encounter_idx` ON `outpatient_notes` (`encounter_id`);--> statement-breakpoint
CREATE INDEX `outpatient_notes_patient_idx` ON `outpatient_notes` (`patient_id`,`visit_at`);--> statement-breakpoint
CREATE TABLE `prescriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`doctor_username` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`drug_names` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `prescriptions_encounter_idx` ON `prescriptions` (`encounter_id`);--> statement-breakpoint
CREATE INDEX `prescriptions_patient_idx` ON `prescriptions` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`patient_id` text,
	`sequence` integer NOT NULL,
	`author` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `amendments_target_idx` ON `amendments` (`target_id`,`sequence`,`created_at`);--> statement-breakpoint
CREATE TABLE `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`target_type` text NOT NULL,
	`patient_id` text,
	`purpose` text NOT NULL,
	`signer` text NOT NULL,
	`key_id` text NOT NULL,
	`signed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `signatures_target_idx` ON `signatures` (`target_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `signatures_patient_idx` ON `signatures` (`patient_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `signatures_signed_at_idx` ON `signatures` (`signed_at`);--> statement-breakpoint
ALTER TABLE `encounters` ADD `called_at` text;--> statement-breakpoint
ALTER TABLE `encounters` ADD `call_count` integer;--> statement-breakpoint
ALTER TABLE `encounters` ADD `passed_at` text;--> statement-breakpoint
ALTER TABLE `encounters` ADD `completed_at` text;