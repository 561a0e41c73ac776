-- The ask:tell ratio and the leader's talk share of every analysis saved before they became
-- columns, copied out of the stored result; anything but a number there stays null, as the app writes it.
UPDATE "meeting_analyses" SET
  "ask_tell_ratio" = CASE WHEN jsonb_typeof("result" #> '{questions,askTellRatio}') = 'number'
    THEN ("result" #>> '{questions,askTellRatio}')::double precision END,
  "talk_share" = CASE WHEN jsonb_typeof("result" #> '{leader,talkShare}') = 'number'
    THEN ("result" #>> '{leader,talkShare}')::double precision END
WHERE jsonb_typeof("result" #> '{questions,askTellRatio}') = 'number'
  OR jsonb_typeof("result" #> '{leader,talkShare}') = 'number';
