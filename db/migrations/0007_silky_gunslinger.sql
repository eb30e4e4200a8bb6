CREATE TABLE `drugs` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`generic_name` text NOT NULL,
	`initials` text NOT NULL,
	`form` text NOT NULL,
	`strength_value` real NOT NULL,
	`strength_unit` text NOT NULL,
	`unit` text NOT NULL,
	`package_size` integer NOT NULL,
	`package_unit` text NOT NULL,
	`drug_class` text,
	`default_dose` real,
	`default_dose_unit` text,
	`default_route` text,
	`default_frequency` text,
	`antibiotic_grade` text,
	`essential` integer NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `drugs_initials_idx` ON `drugs` (`initials`);--> statement-breakpoint
CREATE INDEX `drugs_code_idx` ON `drugs` (`code`);