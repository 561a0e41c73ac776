CREATE TABLE "calendar_audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"uid" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"attendee_count" integer DEFAULT 0 NOT NULL,
	"has_external_attendees" boolean DEFAULT false NOT NULL,
	"is_recurring" boolean DEFAULT false NOT NULL,
	"event_class" text NOT NULL,
	"rule" text,
	"is_class_set_by_hand" boolean DEFAULT false NOT NULL,
	"meeting_id" uuid
);
--> statement-breakpoint
CREATE TABLE "calendar_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"source_name" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_audit_events" ADD CONSTRAINT "calendar_audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_audit_events" ADD CONSTRAINT "calendar_audit_events_audit_id_calendar_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."calendar_audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_audits" ADD CONSTRAINT "calendar_audits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_audits" ADD CONSTRAINT "calendar_audits_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_audit_events_audit_idx" ON "calendar_audit_events" USING btree ("audit_id","starts_at");--> statement-breakpoint
CREATE INDEX "calendar_audits_owner_idx" ON "calendar_audits" USING btree ("organization_id","owner_id");