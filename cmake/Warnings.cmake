# Warnings as errors for project code only; third-party headers are included as SYSTEM.
function(aantafel_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
    -Woverloaded-virtual -Wimplicit-fallthrough
    # Designated initialisers rely on default member initialisers; GCC 12 warns regardless.
    -Wno-missing-field-initializers -Werror
    # GCC 12 at -O2/-O3 reports false positives inside Boost.Asio, libstdc++ and nlohmann
    # (null-dereference, maybe-uninitialized, restrict); keep them as warnings there only.
    $<$<NOT:$<CONFIG:Debug>>:-Wno-error=maybe-uninitialized -Wno-error=restrict>)
endfunction()
