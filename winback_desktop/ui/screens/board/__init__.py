"""The supervisor's live board and its listen/whisper/barge buttons."""
