#!/bin/sh
# What the SP learnt about the person: REMOTE_USER and the NameID-derived attribute.
printf 'Content-Type: text/plain\n\n'
printf 'REMOTE_USER=%s\n' "$REMOTE_USER"
printf 'patient=%s\n' "$patient"
