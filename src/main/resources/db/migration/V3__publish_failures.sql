-- The reason the last publish of an application failed, cleared by the next successful publish or save.
ALTER TABLE application ADD COLUMN last_publish_error VARCHAR(2000);
ALTER TABLE application ADD COLUMN last_publish_failed_at TIMESTAMP(6);
