DROP INDEX "meeting_analyses_leader_idx";--> statement-breakpoint
DROP INDEX "meetings_report_idx";--> statement-breakpoint
DROP INDEX "next_steps_leader_status_due_idx";--> statement-breakpoint
ALTER TABLE "meeting_analyses" ADD COLUMN "ask_tell_ratio" double precision;--> statement-breakpoint
ALTER TABLE "meeting_analyses" ADD COLUMN "talk_share" double precision;--> statement-breakpoint
CREATE INDEX "meeting_analyses_leader_idx" ON "meeting_analyses" USING btree ("organization_id","leader_id","meeting_starts_at","verdict","score","ask_tell_ratio","talk_share");--> statement-breakpoint
CREATE INDEX "meetings_report_idx" ON "meetings" USING btree ("organization_id","report_id","starts_at","status","leader_id");--> statement-breakpoint
CREATE INDEX "next_steps_leader_status_due_idx" ON "next_steps" USING btree ("organization_id","leader_id","status","due_date","completed_at");