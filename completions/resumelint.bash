# bash completion for resumelint
_resumelint()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-f|--format)
		mapfile -t COMPREPLY < <(compgen -W "text json sarif github junit html" -- "$cur")
		return ;;
	--paper)
		mapfile -t COMPREPLY < <(compgen -W "letter a4" -- "$cur")
		return ;;
	--fail-on)
		mapfile -t COMPREPLY < <(compgen -W "error warning info" -- "$cur")
		return ;;
	--color|--colour)
		mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
		return ;;
	--render)
		mapfile -t COMPREPLY < <(compgen -W "pandoc pandoc-a4 latex-10pt latex-11pt latex-12pt" -- "$cur")
		return ;;
	--explain)
		mapfile -t COMPREPLY < <(compgen -W "$(resumelint --list-rules 2>/dev/null | cut -d' ' -f1)" -- "$cur")
		return ;;
	-r|--rules)
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		return ;;
	-c|--config|-o|--output|--job)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	-p|--max-pages|--max-file-size|--margins|--font|--font-size|--line-spacing)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "--format --output --job --max-pages --paper --fail-on
			--quiet --color --config --no-config --rules --max-file-size --render --margins
			--font --font-size --line-spacing --list-rules --list-kinds --explain --dump
			--self-test --version --help" -- "$cur")
		return
	fi
	mapfile -t COMPREPLY < <(compgen -f -X '!*.@(md|markdown|docx|xml)' -- "$cur"; compgen -d -- "$cur")
}
shopt -s extglob
complete -F _resumelint resumelint
