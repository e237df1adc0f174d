# bash completion for hedgecalc(1): subcommands, options and their values, file names,
# and after FILE: the column names of that file's header line.
# Installed as share/bash-completion/completions/hedgecalc; tests/completion_test.cpp
# checks that the option lists below hold every option `hedgecalc --help` prints.

_hedgecalc_common_options='--help --format --no-header --output --precision --jobs --returns --from
  --to --frequency --headerless --delimiter --thousands --decimal --date-col --date-format'
_hedgecalc_analysis_options='--confidence --ewma --halflife --series --rebalance --compare
  --min-correlation --min-effectiveness --plot --plot-kind --no-intercept --se --hac-lags --align
  --max-gap --horizon --exposure --proxy-price --contract-size --window --expanding
  --min-obs --kalman --kalman-q --kalman-r --stability --trim --break-at --max-break-p
  --position --band --cost-bps --carry --carry-series --rebalance-band --periods-per-year
  --risk --var-level --accounting --horizons --estimators --dimson-lags'
_hedgecalc_batch_options='--shard --quiet --resume'
_hedgecalc_matrix_options='--best --layout --field'

# The column names of a CSV file's header (the first line neither blank nor a comment),
# one per line; nothing for a file that is not text.
_hedgecalc_columns() {
  local file=$1 header delimiter best=0 count candidate
  [[ -f $file && -r $file ]] || return 0
  # -I: a binary file (a compressed one, say) matches nothing.
  header=$(LC_ALL=C grep -I -m1 -v -e '^#' -e '^[[:space:]]*$' -- "$file" 2>/dev/null) || return 0
  header=${header%$'\r'}
  header=${header#$'\xef\xbb\xbf'}
  [[ -z $header ]] && return 0
  # The delimiter hedgecalc would detect: the most frequent of , ; TAB |.
  delimiter=,
  for candidate in , ';' $'\t' '|'; do
    count=${header//[^$candidate]/}
    if (( ${#count} > best )); then best=${#count}; delimiter=$candidate; fi
  done
  local IFS=$delimiter name
  for name in $header; do
    name=${name#\"}
    name=${name%\"}
    [[ -n $name ]] && printf '%s\n' "$name"
  done
}

_hedgecalc() {
  # The word as typed, ':' included (bash splits words at ':' for completion).
  local line=${COMP_LINE:0:COMP_POINT}
  local cur=${line##*[[:space:]]}
  local before=${line%"$cur"}
  before=${before%"${before##*[![:space:]]}"}
  local prev=${before##*[[:space:]]}
  local subcommand='' word
  for word in "${COMP_WORDS[@]:1:COMP_CWORD}"; do
    case $word in batch | matrix) subcommand=$word; break ;; esac
  done
  COMPREPLY=()

  local values=''
  case $prev in
    --format) values='table csv tsv json ndjson' ;;
    --returns) values='simple log diff none' ;;
    --frequency) values='daily weekly monthly' ;;
    --align) values='inner asof' ;;
    --se) values='classical hac' ;;
    --layout) values='long wide' ;;
    --field) values='hedge_ratio correlation effectiveness n' ;;
    --delimiter) values='comma semicolon tab pipe space' ;;
    --decimal) values='dot comma' ;;
    --thousands) values='comma dot space apostrophe underscore' ;;
    --periods-per-year) values='auto 252 365 52 12' ;;
    --plot-kind) values='ratio value' ;;
    --output | --plot | --resume | --carry-series)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0 ;;
    --precision | --from | --to | --confidence | --ewma | --halflife | --rebalance | \
      --min-correlation | --min-effectiveness | --hac-lags | --max-gap | --horizon | \
      --exposure | --proxy-price | --contract-size | --window | --min-obs | --kalman-q | \
      --kalman-r | --trim | --break-at | --max-break-p | --date-col | --date-format | \
      --var-level | --horizons | --dimson-lags | --jobs | --shard | --position | --band | --cost-bps | --carry | --rebalance-band)
      return 0 ;;
  esac
  if [[ -n $values ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    return 0
  fi

  if [[ $cur == -* && $cur != -:* ]]; then
    local options=$_hedgecalc_common_options
    case $subcommand in
      batch) options+=" $_hedgecalc_analysis_options $_hedgecalc_batch_options" ;;
      matrix) options+=" $_hedgecalc_matrix_options" ;;
      *) options+=" --version $_hedgecalc_analysis_options" ;;
    esac
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return 0
  fi

  # FILE:COLUMN: the columns of FILE's header.
  if [[ $cur == *:* && -f ${cur%:*} ]]; then
    local file=${cur%:*} typed=${cur##*:} name
    local -a columns=()
    while IFS= read -r name; do
      [[ $name == "$typed"* ]] && columns+=("$name")
    done < <(_hedgecalc_columns "$file")
    for name in "${columns[@]}"; do
      # bash replaces only the text after the last ':' when ':' splits words.
      if [[ $COMP_WORDBREAKS == *:* ]]; then
        COMPREPLY+=("$(printf '%q' "$name")")
      else
        COMPREPLY+=("$(printf '%q' "$file:$name")")
      fi
    done
    return 0
  fi

  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  if [[ -z $subcommand && $COMP_CWORD -eq 1 ]]; then
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W 'batch matrix' -- "$cur")
  fi
  return 0
}

complete -F _hedgecalc hedgecalc
