CREATE TABLE `icd_codes` (
	`version_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`initials` text NOT NULL,
	PRIMARY KEY(`version_id`, `code`)
);
--> statement-breakpoint
CREATE INDEX `icd_codes_code_idx` ON `icd_codes` (`code`,`version_id`);--> statement-breakpoint
CREATE TABLE `icd_crosswalk` (
	`gl_code` text PRIMARY KEY NOT NULL,
	`yb_code` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `icd_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_system` text NOT NULL,
	`version` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`code_count` integer NOT NULL,
	`current` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `icd_versions_system_idx` ON `icd_versions` (`code_system`,`current`);