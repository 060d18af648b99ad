#include <spawn.h>

/// glibc's own additions to posix_spawn (2.29 and 2.34), declared by <spawn.h> only under _GNU_SOURCE,
/// which Swift's Glibc module is built without. Both are in every glibc Tunet supports (Debian 12: 2.36).
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions,
                                                const char *__restrict path);
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
