-- PIPL, GB/T 35273: the birth date beside a masked ID number gave the number back. Only the year is
-- kept, and the mask hides the district as well as the birth date (province and last four shown).
ALTER TABLE `workers` ADD `birth_year` integer;
--> statement-breakpoint
UPDATE `workers` SET `birth_year` = cast(substr(`birth_date`, 1, 4) as integer),
  `id_number_masked` = substr(`id_number_masked`, 1, 2) || '************' || substr(`id_number_masked`, -4);
--> statement-breakpoint
ALTER TABLE `workers` DROP COLUMN `birth_date`;
