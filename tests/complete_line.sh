#!/usr/bin/env bash
# Asks the bash completion ($1, as `hedgecalc completions bash` prints it) to complete a
# command line as bash would on TAB at its end, and prints the candidates one per line
# (tests/cli/reference_test.cpp).
# Usage: tests/complete_line.sh COMPLETION_FILE 'hedgecalc --form'
set -u
source "$1"
shift
COMP_LINE=$1
COMP_POINT=${#COMP_LINE}
COMP_WORDBREAKS=$' \t\n"\'><=;|&(:'
read -ra COMP_WORDS <<< "$COMP_LINE"
if [[ $COMP_LINE == *' ' ]]; then COMP_WORDS+=(''); fi
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_hedgecalc
if (( ${#COMPREPLY[@]} )); then printf '%s\n' "${COMPREPLY[@]}"; fi
