// GNU readline (libreadline-dev): line editing, history and completion for the prompt.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
