// libFuzzer's entry for programs that keep their own main (declared here
// because Swift cannot see libFuzzer's headers). Only linked in fuzz builds.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));
