# loopscope: net GET
