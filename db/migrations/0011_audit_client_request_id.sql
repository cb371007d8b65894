-- A client's X-Request-Id (a UUID only) is kept apart from the chain: request_id is the server's own.
ALTER TABLE `audit_log` ADD `client_request_id` text;--> statement-breakpoint
CREATE INDEX `audit_client_request_idx` ON `audit_log` (`client_request_id`);