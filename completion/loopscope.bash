# bash completion for loopscope(1): commands, options (those the command
# takes), their values, and scenario files (*.py and folders).
# Installed by `make install` into share/bash-completion/completions/.
# To add an option: add it to the command's list in _loopscope_opts (and a
# value list in the case below if it takes one of a few words).

_loopscope_opts()
{
    local limits="--max-steps --max-ops --max-depth --max-items --max-memory --max-source --python"
    case $1 in
        view)   echo "--ascii --no-color --pause-on --theme --predict $limits --help" ;;
        frame)  echo "--step --at --size --ansi --ascii --svg --theme --title --no-color --force --pause-on --predict $limits --help" ;;
        record) echo "-o --format --size --speed --title --theme --ascii --no-color --force --pause-on --markers $limits --help" ;;
        html)   echo "-o --size --speed --title --theme --ascii --no-color --force --pause-on --markers $limits --help" ;;
        trace)  echo "--format -o --force $limits --help" ;;
        steps)  echo "--json $limits --help" ;;
        quiz)   echo "--json --pause-on -o --force $limits --help" ;;
        compare) echo "--frame --at --size --ansi --ascii --svg --theme --title --no-color -o --format --speed --force $limits --help" ;;
    esac
}

_loopscope()
{
    local cur prev cmd="" i w
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
            frame|record|html|trace|steps|view|compare|quiz) cmd=$w; break ;;
            -*) ;;
            *) [ -z "$cmd" ] && cmd=view ;;
        esac
    done

    case $prev in
        --format)
            if [ "$cmd" = trace ]; then
                COMPREPLY=($(compgen -W "text chrome" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "cast svg gif" -- "$cur"))
            fi
            return ;;
        --theme) COMPREPLY=($(compgen -W "dark light projector" -- "$cur")); return ;;
        --markers) COMPREPLY=($(compgen -W "stops steps" -- "$cur")); return ;;
        --python) COMPREPLY=($(compgen -W "3.11 3.12 3.13" -- "$cur")); return ;;
        --pause-on) COMPREPLY=($(compgen -W "print start done cancel block print,done" -- "$cur")); return ;;
        --speed) COMPREPLY=($(compgen -W "0.25 0.5 1 2 4 8 16" -- "$cur")); return ;;
        --size)  COMPREPLY=($(compgen -W "80x24 100x30 120x36 160x45" -- "$cur")); return ;;
        -o|--svg)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --step|--at|--title|--max-*) return ;;
    esac

    if [[ $cur == -* ]]; then
        if [ -z "$cmd" ]; then
            COMPREPLY=($(compgen -W "--version $(_loopscope_opts view)" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_loopscope_opts "$cmd")" -- "$cur"))
        fi
        return
    fi

    # a scenario: Python files and folders to look in
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.py' -- "$cur"))
    if [ -z "$cmd" ]; then
        COMPREPLY+=($(compgen -W "frame record html trace steps view compare quiz" -- "$cur"))
    fi
}

complete -F _loopscope loopscope
