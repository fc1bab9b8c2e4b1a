#!/usr/bin/env python3
"""Speaker diarization with pyannote.audio's pretrained pipeline, for DubAgent's `pyannote` engine.

Usage: pyannote_diarize.py --audio FILE.wav --rttm OUT.rttm [--model pyannote/speaker-diarization-3.1]
                           [--num-speakers N] [--min-speakers N] [--max-speakers N] [--device cpu|cuda]
The Hugging Face token comes from the environment (HF_TOKEN, or HUGGINGFACE_TOKEN); accept the model's
conditions on huggingface.co first. Writes the RTTM to a temporary name and renames it when complete.
"""
import argparse
import os
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audio", required=True)
    parser.add_argument("--rttm", required=True)
    parser.add_argument("--model", default="pyannote/speaker-diarization-3.1")
    parser.add_argument("--num-speakers", type=int)
    parser.add_argument("--min-speakers", type=int)
    parser.add_argument("--max-speakers", type=int)
    parser.add_argument("--device", default=None)
    args = parser.parse_args()

    token = os.environ.get("HF_TOKEN") or os.environ.get("HUGGINGFACE_TOKEN")
    if not token:
        print("error: no Hugging Face token: set HF_TOKEN", file=sys.stderr)
        return 3

    try:
        from pyannote.audio import Pipeline
    except ImportError as e:
        print(f"error: pyannote.audio is not installed ({e}): pip install pyannote.audio", file=sys.stderr)
        return 4

    try:
        pipeline = Pipeline.from_pretrained(args.model, use_auth_token=token)
    except TypeError:
        # pyannote.audio 4 renamed the argument.
        pipeline = Pipeline.from_pretrained(args.model, token=token)
    if pipeline is None:
        print(f"error: could not load '{args.model}': accept its conditions on huggingface.co and check HF_TOKEN", file=sys.stderr)
        return 5
    if args.device:
        import torch
        pipeline.to(torch.device(args.device))

    options = {}
    if args.num_speakers:
        options["num_speakers"] = args.num_speakers
    if args.min_speakers:
        options["min_speakers"] = args.min_speakers
    if args.max_speakers:
        options["max_speakers"] = args.max_speakers
    output = pipeline(args.audio, **options)
    # pyannote.audio 4 returns a DiarizeOutput; 3.x an Annotation.
    annotation = getattr(output, "speaker_diarization", output)

    temporary = args.rttm + ".partial"
    with open(temporary, "w", encoding="utf-8") as f:
        annotation.write_rttm(f)
    os.replace(temporary, args.rttm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
