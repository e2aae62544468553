# Warnings as errors for project code only; third-party headers are included as SYSTEM.
function(aantafel_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
    # Designated initialisers rely on default member initialisers; GCC 12 warns regardless.
    -Wno-missing-field-initializers -Werror)
endfunction()
