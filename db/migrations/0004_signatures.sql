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
CREATE INDEX `signatures_signed_at_idx` ON `signatures` (`signed_at`);